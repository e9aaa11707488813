import { dependencyDataset } from './lib/dependencyDataset';
import { openImpactBackend } from './lib/impactCatalog';
(async () => {
  for (const shape of ['giant-component', 'layered'] as const) {
    const { backend } = await openImpactBackend(
      dependencyDataset(new Date(), shape),
    );
    await backend.stop();
    console.log('built', shape);
  }
})().catch(e => {
  console.error(e);
  process.exit(1);
});
