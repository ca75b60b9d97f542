/** The Spine mark: inline SVG, so no image request (and nothing for the CSP to refuse). */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M16 6v20M10 10h12M9 16h14M10 22h12" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
    </svg>
  );
}
