/** A labelled whole number with its limits (React Aria NumberField: localised digits, arrow keys). */
import type { ReactNode } from 'react';
import {
  NumberField as AriaNumberField,
  Input,
  Label,
  type NumberFieldProps,
  Text,
} from 'react-aria-components';
import { ValidationMessage } from './validation-message.tsx';

interface Props extends Omit<NumberFieldProps, 'children' | 'className'> {
  readonly label: ReactNode;
  readonly description?: ReactNode;
}

export function NumberField({ label, description, ...props }: Props) {
  return (
    <AriaNumberField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <Input className="input" />
      <ValidationMessage />
    </AriaNumberField>
  );
}
