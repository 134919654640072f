/** Interactions the stories play through the elements' shadow roots, as a person would. */
import { waitFor } from 'storybook/test';

/** The first element matching `selectors`, each one looked up inside the previous one's shadow root. */
export async function deepFind<T extends Element = HTMLElement>(
  root: ParentNode,
  ...selectors: string[]
): Promise<T> {
  return waitFor(
    () => {
      let scope: ParentNode = root;
      let found: Element | null = null;
      for (const selector of selectors) {
        found = scope.querySelector(selector);
        if (!found) throw new Error(`${selector} not rendered yet`);
        scope = found.shadowRoot ?? found;
      }
      return found as T;
    },
    { timeout: 5000 },
  );
}

/** Types a prompt into a `<sora-prompt>` and sends it. */
export async function submitPrompt(
  prompt: HTMLElement & { prompt: string; updateComplete?: Promise<unknown> },
  text: string,
) {
  prompt.prompt = text;
  await prompt.updateComplete;
  const form = await deepFind<HTMLFormElement>(prompt.shadowRoot!, 'form');
  form.requestSubmit();
}
