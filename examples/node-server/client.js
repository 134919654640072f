// The demo page's script: registering the elements is all a host page needs.
import '@sora-kit/elements';
