import { liveSuite } from './live-suite.js';

liveSuite();
