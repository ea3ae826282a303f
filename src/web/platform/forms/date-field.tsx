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
import { FormattedMessage } from 'react-intl';
import { ValidationMessage } from './validation-message.tsx';

interface Props extends Omit<DateFieldProps<DateValue>, 'children' | 'className'> {
  readonly label: ReactNode;
  readonly description?: ReactNode;
  /** Shows "(optional)" after the label, as text fields do. */
  readonly isOptional?: boolean;
}

export function DateField({ label, description, isOptional, ...props }: Props) {
  return (
    <AriaDateField {...props} className="field">
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
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
      <ValidationMessage limits={{ latestDate: props.maxValue?.toString().slice(0, 10) }} />
    </AriaDateField>
  );
}
