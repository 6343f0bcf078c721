/** The Tack mark: two sails on a waterline. Decorative; the wordmark carries the name. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="logo-bg" />
      <path d="M16 5 L16 24 L6 24 Z" className="logo-sail-main" />
      <path d="M18 9 L18 24 L26 24 Z" className="logo-sail-jib" />
      <path d="M5 26.5 h22" className="logo-water" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function Wordmark() {
  return (
    <span className="wordmark">
      <LogoMark />
      <span className="wordmark-text">Tack</span>
    </span>
  );
}
