// src/media/errors.ts
var MediaInputError = class extends Error {
  constructor(status, code, message, options) {
    super(message, options);
    this.name = "MediaInputError";
    this.status = status;
    this.code = code;
  }
};
var AssetExpiredError = class extends Error {
  constructor(message = "The provider's copy of the video expired before it was stored", options) {
    super(message, options);
    this.name = "AssetExpiredError";
    this.code = "expired";
  }
};
var InvalidMediaError = class extends Error {
  constructor() {
    super(...arguments);
    this.name = "InvalidMediaError";
    this.code = "invalid_media";
  }
};
var MissingVariantError = class extends Error {
  constructor() {
    super(...arguments);
    this.name = "MissingVariantError";
    this.code = "missing_variant";
  }
};

export {
  MediaInputError,
  AssetExpiredError,
  InvalidMediaError,
  MissingVariantError
};
//# sourceMappingURL=chunk-NBBZKFDJ.js.map