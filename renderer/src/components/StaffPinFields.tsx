/**
 * Who is at the desk and their PIN, then the refusal and the button: the sign-in page and the
 * lock screen ask the same way (a native select, the PIN field focused, one alert). Plain HTML
 * styled in app/firstScreen.css, not MUI: the sign-in screen is the first screen, and its code
 * must stay small (scripts/check-initial-js.mjs).
 */
import type { ReactNode } from 'react';
import type { Staff } from '@shared/domain/records';

type Props = {
  /** Id prefix of the two fields (signin, lock). */
  id: string;
  people: readonly Pick<Staff, 'id' | 'name' | 'role'>[];
  staffId: string;
  onStaff: (id: string) => void;
  secret: string;
  onSecret: (s: string) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  /** An option before the people (e.g. 请选择). */
  placeholder?: ReactNode;
};

export function StaffPinFields(p: Props) {
  return (
    <>
      <div className="fs-field">
        <label htmlFor={`${p.id}-staff`}>值班人员</label>
        <select id={`${p.id}-staff`} value={p.staffId} onChange={(e) => p.onStaff(e.target.value)}>
          {p.placeholder}
          {p.people.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}（{s.role}）
            </option>
          ))}
        </select>
      </div>
      <div className="fs-field">
        <label htmlFor={`${p.id}-secret`}>密码或 PIN</label>
        <input
          id={`${p.id}-secret`}
          type="password"
          autoFocus
          autoComplete="current-password"
          value={p.secret}
          onChange={(e) => p.onSecret(e.target.value)}
        />
      </div>
      {p.error && (
        <div className="fs-alert" role="alert">
          {p.error}
        </div>
      )}
      <button type="submit" className="fs-button" disabled={p.busy}>
        {p.busy ? '正在验证…' : p.submitLabel}
      </button>
    </>
  );
}
