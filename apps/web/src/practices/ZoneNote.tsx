import { useState } from 'react';
import { Link } from 'react-router';
import { isKnownTimeZone, offsetLabel, readableZone } from '../time.ts';

const KEY = 'tack.zoneNote.dismissed';

/**
 * Whether this device's clock and the profile's time zone disagree right now (their offsets differ):
 * Today then shows a day that may not be the one on the person's wall clock.
 */
export function zonesDisagree(profileZone: string, deviceZone: string | undefined, at: Date = new Date()): boolean {
  if (!deviceZone || deviceZone === profileZone) return false;
  try {
    return offsetLabel(profileZone, at) !== offsetLabel(deviceZone, at);
  } catch {
    return false; // a zone this browser does not know: nothing to compare
  }
}

function dismissed(pair: string): boolean {
  try {
    return window.localStorage.getItem(KEY) === pair;
  } catch {
    return false;
  }
}

/**
 * A note on Today when the device is in another time zone than the profile (travelling, or a new
 * computer): days are the profile's, and Settings changes them. Dismissed per pair of zones, on this device.
 */
export function ZoneNote({ profileZone }: { profileZone: string }) {
  const reported = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const device = reported && isKnownTimeZone(reported) ? reported : undefined;
  const pair = `${profileZone}|${device}`;
  const [hidden, setHidden] = useState(() => dismissed(pair));
  if (hidden || !device || !zonesDisagree(profileZone, device)) return null;
  return (
    <div className="alert alert-info zone-note">
      <p>
        Tack counts your days in your profile’s time zone, <strong>{readableZone(profileZone)}</strong> (
        {offsetLabel(profileZone)}). This device is set to {readableZone(device)} ({offsetLabel(device)}). Travelling or
        moved? <Link to="/settings#time">Change your time zone</Link>.
      </p>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => {
          try {
            window.localStorage.setItem(KEY, pair);
          } catch {
            // private mode: hidden for this visit only
          }
          setHidden(true);
        }}
      >
        Keep {readableZone(profileZone)}
      </button>
    </div>
  );
}
