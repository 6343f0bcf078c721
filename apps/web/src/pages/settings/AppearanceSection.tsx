import { type ThemeChoice, useTheme } from '../../theme.ts';
import { Card } from '../../ui/Card.tsx';

const CHOICES: { value: ThemeChoice; label: string; hint: string }[] = [
  { value: 'system', label: 'Match this device', hint: 'Light or dark, following your system setting.' },
  { value: 'light', label: 'Light', hint: 'Always light.' },
  { value: 'dark', label: 'Dark', hint: 'Always dark.' },
];

export function AppearanceSection() {
  const { choice, setChoice } = useTheme();
  return (
    <Card title="Appearance">
      <fieldset className="choice-group">
        <legend>Theme</legend>
        <p className="field-hint">Saved in this browser only.</p>
        {CHOICES.map((c) => (
          <label key={c.value} className="choice">
            <input
              type="radio"
              name="theme"
              value={c.value}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
            />
            <span>
              <span className="choice-label">{c.label}</span>
              <span className="choice-hint">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Card>
  );
}
