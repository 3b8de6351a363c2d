#!/bin/sh
# npm audit of what ships in the course (runtime dependencies), failing on high or critical
# findings. When the registry cannot be asked (offline, or a mirror without the audit endpoint)
# nothing can be judged: it says so and does not fail the tests.
out=$(npm audit --omit=dev --audit-level=high 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne 0 ] && printf '%s' "$out" | grep -qE 'audit endpoint returned an error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network request'; then
  echo 'npm audit: the registry could not be asked, so the runtime dependencies were not judged this time.' >&2
  exit 0
fi
exit "$rc"
