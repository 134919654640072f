// The screenshot harness page: mounts the state named in the URL hash (see scripts/screenshots.mjs).
import { states, storeWithEveryKindOfJob } from '../support/states.js';

const name = decodeURIComponent(location.hash.slice(1));
const media = {
  video: '/media/dawn/video-1280x720-4s.mp4',
  thumbnail: '/media/dawn/thumbnail-1280x720.jpg',
  sprite: '/media/dawn/spritesheet-1280x720.jpg',
};
document.body.style.margin = '16px';
document.body.style.fontFamily = 'system-ui, sans-serif';
const run = states[name];
(run ? run(storeWithEveryKindOfJob(media)) : Promise.reject(new Error(`no state ${name}`))).then(
  () => document.body.setAttribute('data-ready', ''),
  (error: unknown) => document.body.setAttribute('data-error', String(error)),
);
