/** Shown for the instant before the language is known (no words yet, so none are shown). */
export function BootScreen() {
  return (
    <div className="boot" role="status" aria-label="Kopa" aria-busy="true">
      <span className="loading__dot" aria-hidden="true" />
    </div>
  );
}
