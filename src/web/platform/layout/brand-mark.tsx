/** Kopa's mark: two rings that overlap — organisations that hold together. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f5845" />
      <circle cx="12" cy="16" r="6.5" fill="none" stroke="#f6f3ec" strokeWidth="3" />
      <circle cx="20" cy="16" r="6.5" fill="none" stroke="#e9b872" strokeWidth="3" />
    </svg>
  );
}
