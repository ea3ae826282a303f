/** Several choices among a few options, as a labelled group of checkboxes. */
import type { ReactNode } from 'react';
import { Checkbox, CheckboxGroup, type CheckboxGroupProps, Label, Text } from 'react-aria-components';
import type { Option } from './select-field.tsx';
import { ValidationMessage } from './validation-message.tsx';

interface Props extends Omit<CheckboxGroupProps, 'children' | 'className'> {
  readonly label: ReactNode;
  readonly options: readonly Option[];
  readonly description?: ReactNode;
}

export function CheckMark() {
  return (
    <svg className="checkbox__check" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M2.5 7.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

export function CheckboxGroupField({ label, options, description, ...props }: Props) {
  return (
    <CheckboxGroup {...props} className="field checkbox-group">
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <div className="checkbox-group__options">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="checkbox">
            {({ isSelected }) => (
              <>
                <span className="checkbox__box">{isSelected && <CheckMark />}</span>
                <span lang={option.lang}>{option.label}</span>
              </>
            )}
          </Checkbox>
        ))}
      </div>
      <ValidationMessage />
    </CheckboxGroup>
  );
}
