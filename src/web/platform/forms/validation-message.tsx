/**
 * A field's error, tied to it by React Aria (aria-describedby, aria-invalid): the server's
 * message when it sent one, otherwise the browser's constraint check said in Kopa's own words —
 * the browser would speak its own language, not the one the reader chose.
 */
import { FieldError, type ValidationResult } from 'react-aria-components';
import { useIntl } from 'react-intl';

export interface ValidationLimits {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** The latest day a date field accepts (YYYY-MM-DD). */
  readonly latestDate?: string;
}

export function ValidationMessage({ limits = {} }: { limits?: ValidationLimits }) {
  const intl = useIntl();
  const describe = (result: ValidationResult): string => {
    const details = result.validationDetails;
    if (details.customError || !result.validationErrors.length) return result.validationErrors.join(' ');
    if (details.valueMissing) return intl.formatMessage({ id: 'validation.required' });
    if (details.typeMismatch) return intl.formatMessage({ id: 'validation.email' });
    if (details.tooShort)
      return intl.formatMessage({ id: 'validation.tooShort' }, { min: limits.minLength ?? 0 });
    if (details.tooLong)
      return intl.formatMessage({ id: 'validation.tooLong' }, { max: limits.maxLength ?? 0 });
    if (details.rangeOverflow && limits.latestDate) {
      const date = intl.formatDate(`${limits.latestDate}T12:00:00Z`, { timeZone: 'UTC', dateStyle: 'long' });
      return intl.formatMessage({ id: 'validation.dateTooLate' }, { date });
    }
    if (details.rangeUnderflow || details.rangeOverflow || details.stepMismatch || details.badInput) {
      return intl.formatMessage({ id: 'validation.number' });
    }
    if (details.patternMismatch) return intl.formatMessage({ id: 'validation.format' });
    return intl.formatMessage({ id: 'validation.invalid' });
  };
  return <FieldError className="field__error">{describe}</FieldError>;
}
