import {
  prepareReference,
  sniffImageType
} from "./chunk-FCE5ATLD.js";
import "./chunk-NBBZKFDJ.js";
export {
  prepareReference,
  sniffImageType
};
//# sourceMappingURL=reference-74NDYGQ3.js.map