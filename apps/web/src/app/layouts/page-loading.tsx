import { LoadingStatus } from "../../components/loading-status";

/** Shown in <main> while the first page's code loads. */
export function PageLoading() {
  return <LoadingStatus>Loading</LoadingStatus>;
}
