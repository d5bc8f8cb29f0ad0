import { Field, Input, Select } from "./input";

// Labelled native form controls: they work without JavaScript (the list's filters are a GET form)
// and keyboards and screen readers know them already.

export function SelectField({
  label,
  name,
  value,
  options,
  anyLabel = "Any",
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <Field label={label}>
      <Select name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function DateField({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: string | undefined;
}) {
  return (
    <Field label={label}>
      <Input type="date" name={name} defaultValue={value ?? ""} />
    </Field>
  );
}
