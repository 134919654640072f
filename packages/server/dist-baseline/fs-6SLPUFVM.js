import {
  fsBlobs
} from "./chunk-ABIRUNE7.js";
import "./chunk-ZFQ5MQTK.js";
export {
  fsBlobs
};
//# sourceMappingURL=fs-6SLPUFVM.js.map