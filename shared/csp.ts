// The Content-Security-Policy of every page of Ordrebok, in the Electron window
// and through the loopback host alike: our own scripts only, calls to ourselves
// only, no eval, no plugins, no framing. A plain string, so both sides can use it.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid and React set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
