import { Link } from '@backstage/core-components';

function contactLink(channel: string, address: string) {
  if (channel === 'email') return `mailto:${address}`;
  if (/^https?:\/\//.test(address)) return address;
  return undefined;
}

/** How to reach the on-call: "slack: #payments-oncall · email: …", links where they can be. */
export function ContactLinks(props: { contacts: Record<string, string> }) {
  const entries = Object.entries(props.contacts);
  if (entries.length === 0) return <>no contact channel in the policy</>;
  return (
    <>
      {entries.map(([channel, address], i) => {
        const href = contactLink(channel, address);
        return (
          <span key={channel}>
            {i > 0 && ' · '}
            {channel}: {href ? <Link to={href}>{address}</Link> : address}
          </span>
        );
      })}
    </>
  );
}
