import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../src/contract.js';
import { checkChoice, checkPrompt } from '../src/index.js';
import { remixVideoShape, validate, validateCreateVideo } from '../src/validation.js';

const caps: Capabilities = {
  provider: 'fake',
  models: [
    { id: 'sora-2', sizes: ['1280x720', '720x1280'], seconds: [8, 4, 12], reference: true, remix: true },
    { id: 'sora-2-pro', sizes: ['1792x1024'], seconds: [4], reference: false, remix: false },
  ],
  limits: { maxPromptChars: 10, maxReferenceBytes: 1024 },
};

describe('the prompt rule', () => {
  it('needs a prompt that is not blank, at most the limit once trimmed', () => {
    expect(checkPrompt('  \n ', 10)).toEqual([{ path: 'prompt', message: 'prompt is required' }]);
    expect(checkPrompt('  a cat  ', 5)).toEqual([]);
    expect(checkPrompt('a cat on a mat', 10)).toEqual([
      { path: 'prompt', message: 'prompt must be at most 10 characters' },
    ]);
  });

  it('says the same as the server for every prompt', () => {
    for (const prompt of ['', '   ', 'a cat', ' a cat on a ', 'a cat on a mat']) {
      const server = validate(remixVideoShape(10), { prompt });
      expect(checkPrompt(prompt, 10)).toEqual(server.ok ? [] : server.issues);
    }
  });
});

describe('the model, size and length rule', () => {
  it('fills the first model, its first size and its shortest length', () => {
    expect(checkChoice(caps, {})).toEqual({
      ok: true,
      value: { model: 'sora-2', size: '1280x720', seconds: 4 },
    });
  });

  it('names what a model offers when asked for something else', () => {
    expect(checkChoice(caps, { model: 'veo' })).toEqual({
      ok: false,
      issues: [{ path: 'model', message: 'unknown model; use one of: sora-2, sora-2-pro' }],
    });
    expect(checkChoice(caps, { model: 'sora-2-pro', size: '1280x720', seconds: 8 })).toEqual({
      ok: false,
      issues: [
        { path: 'size', message: 'sora-2-pro offers sizes 1792x1024' },
        { path: 'seconds', message: 'sora-2-pro offers lengths 4 seconds' },
      ],
    });
  });

  it('is where the server validation ends, after the shape', () => {
    expect(validateCreateVideo({ prompt: ' a cat ', seconds: '12', extra: 1 }, caps)).toEqual({
      ok: true,
      value: { prompt: 'a cat', model: 'sora-2', size: '1280x720', seconds: 12 },
    });
    expect(validateCreateVideo({ prompt: 'a cat', model: 'veo' }, caps)).toEqual(
      checkChoice(caps, { model: 'veo' }),
    );
    expect(validateCreateVideo({ prompt: '' }, caps)).toEqual({
      ok: false,
      issues: [{ path: 'prompt', message: 'prompt is required' }],
    });
  });
});
