/** Reads the cluster-profile fields of a submitted form into the API's shape. */
import type { FormValues } from '../platform/forms/read-form.ts';
import type { ClusterProfileInput } from './cluster-api.ts';

export function readClusterProfile(form: FormValues): ClusterProfileInput & { slug: string } {
  return {
    slug: form.text('slug').trim(),
    name: form.text('name').trim(),
    country: form.text('country'),
    region: form.text('region').trim(),
    languages: form.all('languages'),
    defaultLocale: form.text('defaultLocale'),
    clusterType: form.text('clusterType'),
    visibility: form.text('visibility'),
    description: form.text('description').trim(),
  };
}
