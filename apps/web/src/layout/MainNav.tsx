import { Link, NavLink, useLocation } from 'react-router';
import { useMe } from '../auth/session.ts';
import { SECTIONS } from '../sections.ts';

/**
 * Section navigation. NavLink marks the current page with aria-current="page"; on another page of a section
 * (Backwards chains under Directions, the advisor under Goals) the section's link has aria-current="true".
 */
export function MainNav({ id, open }: { id: string; open: boolean }) {
  const me = useMe();
  const { pathname } = useLocation();
  const within = (paths: string[] | undefined) =>
    (paths ?? []).some((p) => pathname === p || pathname.startsWith(`${p}/`));
  return (
    <nav id={id} className={`main-nav${open ? ' open' : ''}`} aria-label="Sections">
      <div className="main-nav-inner">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.path}>
              {within(s.alsoAt) ? (
                <Link to={s.path} className="nav-link" aria-current="true">
                  <span>{s.label}</span>
                  {!s.ready && <span className="nav-soon">soon</span>}
                </Link>
              ) : (
                <NavLink to={s.path} className="nav-link">
                  <span>{s.label}</span>
                  {!s.ready && <span className="nav-soon">soon</span>}
                </NavLink>
              )}
            </li>
          ))}
        </ul>
        {me.data && (
          <p className="nav-person">
            Signed in as <bdi className="nav-person-name">{me.data.name || me.data.email}</bdi>
          </p>
        )}
      </div>
    </nav>
  );
}
