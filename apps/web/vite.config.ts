import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes .br and .gz copies of text assets next to them, so a static server with pre-compressed
 * files enabled (@fastify/static `preCompressed`) sends ~3× fewer bytes on slow networks.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "xuncha-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      await Promise.all(
        files
          .filter((f) => /\.(js|css|html|svg|json)$/.test(f))
          .map(async (f) => {
            const path = join(outDir, f);
            const data = await readFile(path);
            if (data.length < 1024) return;
            await writeFile(`${path}.gz`, await gz(data, { level: 9 }));
            await writeFile(
              `${path}.br`,
              await brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            );
          }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The shared vendor chunk (React, Ant Design core) is ~580 kB before compression.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
