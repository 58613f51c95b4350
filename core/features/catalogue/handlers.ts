import type { Handlers } from '../../rpc/dispatch.ts';
import type { CatalogueService } from './service.ts';

export function catalogueHandlers(catalogue: CatalogueService) {
  return {
    'catalogue.search': (input) => ({ items: catalogue.search(input) }),
    'catalogue.get': (input) => catalogue.getProcedure(input.code, input.at),
  } satisfies Partial<Handlers>;
}
