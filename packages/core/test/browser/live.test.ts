import { liveSuite } from '../live-suite.js';

// The same behaviour in real Chromium: its fetch, streams, TextDecoder and AbortController.
liveSuite();
