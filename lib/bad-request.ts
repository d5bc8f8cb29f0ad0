/** The answer of /api/v1 to a query it cannot take: 400 and every problem, in one sentence. */
export function badRequest(problems: readonly string[]): Response {
  return Response.json(
    { error: problems.join("; ") },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}
