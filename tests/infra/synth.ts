import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type AppContext, parseAppConfig } from '../../lib/config.ts';
import { OpendataStack } from '../../lib/opendata-stack.ts';

/**
 * The real stack as bin/app.ts builds it, without esbuild bundling (the handler's code is not what
 * these tests look at) and without the built-in CloudFormation validation, to keep the suite fast.
 */
export function synthStack(context: AppContext = {}): { stack: OpendataStack; template: Template } {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  const stack = new OpendataStack(app, 'OpendataPublisher', { config: parseAppConfig(context) });
  return { stack, template: Template.fromStack(stack) };
}

/** The logical ids the assertions refer to. */
export function stackIds(stack: OpendataStack, template: Template) {
  const id = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as never);
  const fn = stack.publisher.function;
  return {
    source: id(stack.source.bucket),
    site: id(stack.site.bucket),
    distribution: logicalId(template, 'AWS::CloudFront::Distribution'),
    fn: id(fn),
    queue: logicalId(template, 'AWS::SQS::Queue'),
    topic: logicalId(template, 'AWS::SNS::Topic'),
    logGroup: id(fn.logs),
    kvs: id(stack.site.versionPointer),
    pointerFunction: id(stack.site.pointerFunction),
  };
}

export const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
export const objects = (id: string, suffix: string) => ({ 'Fn::Join': ['', [arn(id), suffix]] });

/** The logical id of the only resource of this type whose properties match. */
export function logicalId(template: Template, type: string, props?: Record<string, unknown>): string {
  const ids = Object.keys(template.findResources(type, props ? { Properties: props } : undefined));
  if (ids.length !== 1) throw new Error(`Expected one ${type}, found ${ids.length}: ${ids.join(', ')}`);
  return ids[0] as string;
}
