// In the (list) group, not at entitlements/: a loading boundary above /entitlements/[id] would
// stream that page and turn its notFound() into a 200.
export { PageSkeleton as default } from "@/components/ui/page-skeleton";
