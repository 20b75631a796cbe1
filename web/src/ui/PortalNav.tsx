import { Link } from '../app/router';

/** The sub-navigation of a portal; the current page is marked for assistive technology. */
export function PortalNav({ label, items }: { label: string; items: { to: string; label: string }[] }) {
  return (
    <nav className="portal-nav" aria-label={label}>
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to}>{i.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
