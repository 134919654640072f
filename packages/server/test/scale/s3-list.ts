/** Lists a bucket's keys under a prefix (the S3 SDK, against s3rver). */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

export async function listObjects(endpoint: string, bucket: string, prefix: string): Promise<string[]> {
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
    token = page.NextContinuationToken;
  } while (token);
  client.destroy();
  return keys;
}
