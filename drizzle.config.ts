// drizzle-kit reads this to generate SQL migrations into drizzle/ (committed; applied at start-up).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
