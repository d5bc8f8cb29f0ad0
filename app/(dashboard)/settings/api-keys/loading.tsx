// Not at the (dashboard) level: a loading boundary above /grants/[id] would stream that page and
// turn its notFound() into a 200.
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
