/** A labelled text input (or text area) with its description and error tied to it. */
import type { FormEvent, ReactNode } from 'react';
import {
  TextField as AriaTextField,
  Input,
  Label,
  Text,
  TextArea,
  type TextFieldProps,
} from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { ValidationMessage } from './validation-message.tsx';

interface Props extends Omit<TextFieldProps, 'children' | 'className'> {
  readonly label: ReactNode;
  readonly description?: ReactNode;
  readonly isMultiline?: boolean;
  readonly rows?: number;
  readonly placeholder?: string;
  /** Shows "(optional)" after the label; required fields carry no mark, as most fields are. */
  readonly isOptional?: boolean;
}

/**
 * React Aria re-checks a field when it loses focus; an error that vanished only then would shift
 * the layout under a pointer on its way to the submit button. Once an error shows, the field is
 * re-checked as the reader types, so a corrected value clears its message at once.
 */
function recheckWhileInvalid(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>): void {
  const field = event.currentTarget;
  if (field.getAttribute('aria-invalid') === 'true')
    field.dispatchEvent(new Event('change', { bubbles: true }));
}

export function TextField({
  label,
  description,
  isMultiline,
  rows,
  placeholder,
  isOptional,
  ...props
}: Props) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field__label">
        {label}
        {isOptional && (
          <span className="field__optional">
            {' '}
            <FormattedMessage id="form.optional" />
          </span>
        )}
      </Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      {isMultiline ? (
        <TextArea rows={rows ?? 5} placeholder={placeholder} onInput={recheckWhileInvalid} />
      ) : (
        <Input placeholder={placeholder} onInput={recheckWhileInvalid} />
      )}
      <ValidationMessage limits={{ minLength: props.minLength, maxLength: props.maxLength }} />
    </AriaTextField>
  );
}
