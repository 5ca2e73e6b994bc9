/**
 * The dashboard's build (src/web → dist/web), served by `guarantor serve` under /app/. React and the
 * chart and map libraries are bundled: nothing is fetched at run time.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
