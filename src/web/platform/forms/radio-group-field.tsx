/** One choice among a few options, each shown with a short explanation when it has one. */
import type { ReactNode } from 'react';
import { Label, Radio, RadioGroup, type RadioGroupProps, Text } from 'react-aria-components';
import { ValidationMessage } from './validation-message.tsx';

export interface RadioOption {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

interface Props extends Omit<RadioGroupProps, 'children' | 'className'> {
  readonly label: ReactNode;
  readonly options: readonly RadioOption[];
  readonly description?: ReactNode;
}

export function RadioGroupField({ label, options, description, ...props }: Props) {
  return (
    <RadioGroup {...props} className="field radio-group">
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <div className="radio-group__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="radio">
            <span className="radio__dot" aria-hidden="true" />
            <span>
              <span className="radio__label">{option.label}</span>
              {option.description && <span className="radio__description">{option.description}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <ValidationMessage />
    </RadioGroup>
  );
}
