/** The first focusable element of every page: jumps past the header and navigation to <main>. */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}
