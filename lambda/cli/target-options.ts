import { type Command, Option } from 'commander';

/** The options that name a published site: a folder, or a bucket of any S3-compatible server. */
export interface TargetOptions {
  out?: string;
  bucket?: string;
  prefix: string;
  endpoint?: string;
  region?: string;
}

/**
 * Adds --out / --bucket and the S3 options to a command: publish, versions and rollback share them.
 * Apart from target.ts, which opens the site, so defining the commands loads no store.
 */
export function withTargetOptions(command: Command, verb: string): Command {
  return command
    .addOption(new Option('--out <dir>', `the folder to ${verb}`).conflicts('bucket'))
    .option('--bucket <name>', `the S3 bucket to ${verb} (instead of --out)`)
    .option('--prefix <p>', 'key prefix inside the bucket', '')
    .option(
      '--endpoint <url>',
      'an S3-compatible server, e.g. http://127.0.0.1:4568 for s3rver (default: AWS)',
    )
    .option('--region <r>', 'the bucket region (default: AWS_REGION, else us-east-1)');
}
