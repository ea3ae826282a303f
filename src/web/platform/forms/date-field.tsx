/** A labelled calendar date, typed segment by segment in the reader's own date order. */
import type { ReactNode } from 'react';
import {
  DateField as AriaDateField,
  type DateFieldProps,
  DateInput,
  DateSegment,
  type DateValue,
  Label,
  Text,
} from 'react-aria-components';
import { ValidationMessage } from './validation-message.tsx';

interface Props extends Omit<DateFieldProps<DateValue>, 'children' | 'className'> {
  readonly label: ReactNode;
  readonly description?: ReactNode;
}

export function DateField({ label, description, ...props }: Props) {
  return (
    <AriaDateField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
      <ValidationMessage />
    </AriaDateField>
  );
}
