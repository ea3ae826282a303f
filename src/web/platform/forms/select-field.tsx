/** A labelled single choice from a list (React Aria Select: keyboard, typeahead, screen readers). */
import type { ReactNode } from 'react';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  type SelectProps,
  SelectValue,
  Text,
} from 'react-aria-components';
import { ValidationMessage } from './validation-message.tsx';

export interface Option {
  readonly id: string;
  readonly label: string;
  /** The option's language, when it is named in its own language. */
  readonly lang?: string;
}

interface Props extends Omit<SelectProps<Option>, 'children' | 'className' | 'items'> {
  readonly label: ReactNode;
  readonly options: readonly Option[];
  readonly description?: ReactNode;
  readonly className?: string;
  readonly labelClassName?: string;
}

export function Chevron() {
  return (
    <svg className="select-button__chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function SelectField({ label, options, description, className, labelClassName, ...props }: Props) {
  return (
    <Select {...props} className={className ?? 'field'}>
      <Label className={labelClassName ?? 'field__label'}>{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <Button className="select-button">
        <SelectValue className="select-value" />
        <Chevron />
      </Button>
      <ValidationMessage />
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="listbox-item">
              <span lang={option.lang}>{option.label}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
