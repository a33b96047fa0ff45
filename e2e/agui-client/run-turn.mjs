// Runs one chat turn against the gateway's POST /api/agui with the official @ag-ui/client HttpAgent.
// The agent itself verifies the event stream (RUN_STARTED first, messages and tool calls opened before
// they are used and closed before RUN_FINISHED); each event is also parsed with @ag-ui/core's own schema.
// In: GATEWAY_URL (…/api/agui), TOKEN, THREAD_ID, RUN_ID, TEXT. Out: one JSON line on stdout; exit 1 on error.
import { HttpAgent } from "@ag-ui/client";
import { EventSchemas } from "@ag-ui/core/schemas";

const { GATEWAY_URL, TOKEN, THREAD_ID, RUN_ID, TEXT } = process.env;
for (const [name, value] of Object.entries({ GATEWAY_URL, TOKEN, THREAD_ID, RUN_ID, TEXT })) {
  if (!value) {
    console.error(`${name} is required`);
    process.exit(2);
  }
}

const agent = new HttpAgent({
  url: GATEWAY_URL,
  headers: { Authorization: `Bearer ${TOKEN}` },
  threadId: THREAD_ID,
  initialMessages: [{ id: `u-${RUN_ID}`, role: "user", content: TEXT }],
  initialState: JSON.parse(process.env.INITIAL_STATE ?? "{}"),
});

const events = [];
const invalid = [];
try {
  const { result, newMessages } = await agent.runAgent({ runId: RUN_ID }, {
    onEvent({ event }) {
      const parsed = EventSchemas.safeParse(event);
      if (!parsed.success) {
        invalid.push({ type: event.type, issues: parsed.error.issues });
      }
      events.push(event);
    },
  });
  console.log(JSON.stringify({
    ok: invalid.length === 0,
    types: events.map((e) => e.type),
    invalid,
    result,
    state: agent.state,
    newMessages,
  }));
  process.exit(invalid.length === 0 ? 0 : 1);
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error?.message ?? error), types: events.map((e) => e.type) }));
  process.exit(1);
}
