/** A quiet picture for the home page: four circles — public bodies, business, academia, civil society — overlapping in one place. */
export function HomeIllustration() {
  return (
    <svg className="hero__art" viewBox="0 0 320 260" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="320" height="260" rx="28" fill="#e2eee8" />
      <path d="M0 200 C 70 170, 120 220, 180 195 S 290 170, 320 185 V 260 H 0 Z" fill="#c9dfd3" />
      <circle cx="125" cy="105" r="52" fill="none" stroke="#1f5845" strokeWidth="10" opacity="0.9" />
      <circle cx="195" cy="105" r="52" fill="none" stroke="#8f4216" strokeWidth="10" opacity="0.85" />
      <circle cx="125" cy="150" r="52" fill="none" stroke="#e9b872" strokeWidth="10" opacity="0.9" />
      <circle cx="195" cy="150" r="52" fill="none" stroke="#3b6db3" strokeWidth="10" opacity="0.75" />
      <circle cx="160" cy="128" r="9" fill="#1c2420" />
    </svg>
  );
}
