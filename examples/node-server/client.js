// The demo page's script: registering the elements is all a host page needs. The rest fills the
// prompt from the empty gallery's suggestions.
import '@sora-kit/elements';

document.addEventListener('click', (event) => {
  const idea = event.target instanceof Element ? event.target.closest('button[data-prompt]') : null;
  const prompt = document.querySelector('sora-studio')?.shadowRoot?.querySelector('sora-prompt');
  if (idea && prompt) prompt.prefill(idea.getAttribute('data-prompt') ?? '');
});
