import { Link } from "react-router";

/** The way to crisis help from any page that is not about it: never more than one click away. */
export function HelpNowLink() {
  return (
    <p>
      If you need to talk to someone now, <Link to="/get-help-now">see who you can contact now</Link>.
    </p>
  );
}
