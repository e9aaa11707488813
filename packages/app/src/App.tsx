import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import reliabilityPlugin from '@reliability-suite/backstage-plugin-reliability/alpha';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, reliabilityPlugin, navModule, homeModule],
});
