import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isFieldCode, isProblemCode, PROBLEM_CODES, type ProblemCode, problemStatuses } from '../../shared/problems.js';
import * as errors from '../errors.js';
import { OPENAPI_FILE } from './openapi.js';
import { problemBody, statusOf } from './problem.js';

const SERVER = path.resolve(import.meta.dirname, '..');

/** The status each category of domain error implies. */
const CATEGORY_STATUS: Record<string, number> = {
  ValidationError: 422,
  NotAuthenticatedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  InvalidTransitionError: 409,
  GoneError: 410,
  StaleVersionError: 412,
  PayloadTooLargeError: 413,
  PreconditionRequiredError: 428,
  RateLimitedError: 429,
};

/** Which argument of an error class's constructor is its code. */
const CODE_ARGUMENT: Record<string, number> = {
  ConflictError: 0,
  GoneError: 0,
  NotAuthenticatedError: 1,
  ForbiddenError: 1,
  NotFoundError: 1,
};

interface Found {
  where: string;
  code: string;
  /** The error class it is thrown with; none for problem parts. */
  category?: string;
}

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** String literals an expression can be (`'a'`, `cond ? 'a' : 'b'`, the fallback of `code ?? 'a'`); null when it can be anything else. */
function literalsOf(node: ts.Expression): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return literalsOf(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return literalsOf(node.right);
  if (ts.isConditionalExpression(node)) {
    const [whenTrue, whenFalse] = [literalsOf(node.whenTrue), literalsOf(node.whenFalse)];
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  return null;
}

/**
 * Problem codes the server's sources answer with (given to the error classes, or as `code` of an
 * object without a `pointer`: problem parts) and field codes (`code` beside a `pointer`).
 */
function scanCodes(files: string[]): { problems: Found[]; fields: Found[]; unreadable: string[] } {
  const problems: Found[] = [];
  const fields: Found[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(SERVER, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in CODE_ARGUMENT) {
        const category = node.expression.text;
        const argument = node.arguments?.[CODE_ARGUMENT[category]!];
        if (argument) {
          const codes = literalsOf(argument);
          if (codes) for (const code of codes) problems.push({ where: where(argument), code, category });
          else unreadable.push(`${where(argument)}: ${argument.getText(source)}`);
        }
      }
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name: string) =>
          node.properties.find((member) => ts.isPropertyAssignment(member) && ts.isIdentifier(member.name) && member.name.text === name) as
            | ts.PropertyAssignment
            | undefined;
        const code = property('code');
        const codes = code ? literalsOf(code.initializer) : null;
        const isField = node.properties.some((member) => member.name && ts.isIdentifier(member.name) && member.name.text === 'pointer');
        for (const found of codes ?? []) (isField ? fields : problems).push({ where: where(code!), code: found });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { problems, fields, unreadable };
}

/** Each domain error class, and the code it answers with when the call site names none. */
function errorClasses(): { name: string; code: string }[] {
  const classes = Object.entries(errors).filter(
    ([name, value]) => typeof value === 'function' && value.prototype instanceof errors.DomainError && name !== 'DomainError',
  );
  return classes.map(([name, value]) => {
    const Class = value as new (...args: unknown[]) => errors.DomainError;
    const instance =
      name in CODE_ARGUMENT && CODE_ARGUMENT[name] === 0 ? undefined : new Class(...(name === 'ValidationError' ? [[]] : []));
    return { name, code: instance?.code ?? '' };
  });
}

describe('the problem catalogue', () => {
  const scanned = scanCodes(sourceFiles(SERVER));

  it('holds every problem code the server answers with', () => {
    const missing = scanned.problems.filter(({ code }) => !isProblemCode(code)).map(({ where, code }) => `${where}: ${code}`);
    expect(missing, 'codes missing from PROBLEMS in shared/problems.ts').toEqual([]);
  });

  it('reads every code given to an error class as a literal, so it can be checked', () => {
    expect(scanned.unreadable).toEqual([]);
  });

  it('holds only codes the server answers with', () => {
    const answered = new Set([...scanned.problems.map(({ code }) => code), ...errorClasses().map(({ code }) => code)]);
    expect(PROBLEM_CODES.filter((code) => !answered.has(code))).toEqual([]);
  });

  it('gives each error class’s codes the status its category implies', () => {
    const classes = errorClasses();
    expect(classes.map(({ name }) => name).sort()).toEqual(Object.keys(CATEGORY_STATUS).sort());
    const uses = [
      ...classes.filter(({ code }) => code !== '').map(({ name, code }) => ({ where: `errors.ts ${name}`, code, category: name })),
      ...scanned.problems.filter((found) => found.category !== undefined),
    ];
    const wrong = uses
      .filter(({ code, category }) => isProblemCode(code) && !problemStatuses(code).includes(CATEGORY_STATUS[category!]!))
      .map(({ where, code, category }) => `${where}: ${category} ${code} is ${problemStatuses(code as ProblemCode).join('/')}`);
    expect(wrong).toEqual([]);
  });

  it('holds every field code the server sends in `errors`', () => {
    const missing = scanned.fields.filter(({ code }) => !isFieldCode(code)).map(({ where, code }) => `${where}: ${code}`);
    expect(missing, 'codes missing from FIELD_CODES in shared/problems.ts').toEqual([]);
  });

  it('is listed in the committed OpenAPI document', () => {
    const document = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
    const code = document.components.schemas.Problem.properties.code;
    expect(code.enum).toEqual(PROBLEM_CODES);
    for (const each of PROBLEM_CODES) expect(code.description).toContain(`\`${each}\``);
  });
});

describe('the status of a problem', () => {
  it('is the catalogue’s, whatever the parts ask for', () => {
    expect(statusOf({ code: 'last_owner' })).toBe(409);
    expect(statusOf({ code: 'last_owner', status: 500 })).toBe(409);
    expect(statusOf({ code: 'not_ready' })).toBe(503);
  });

  it('is the one asked for among several the catalogue allows', () => {
    expect(statusOf({ code: 'invitation_invalid', status: 404 })).toBe(404);
    expect(statusOf({ code: 'invitation_invalid', status: 410 })).toBe(410);
    expect(statusOf({ code: 'reset_invalid', status: 422 })).toBe(404);
  });

  it('is the framework’s own for a refusal it names', () => {
    expect(statusOf({ code: 'bad_request' })).toBe(400);
    expect(statusOf({ code: 'bad_request', status: 406 })).toBe(406);
  });
});

describe('a problem document', () => {
  it('takes its title, status and type page from the catalogue', () => {
    const request = { url: '/api/v1/time-entries?week=2026-03-02', id: 'request-1' } as FastifyRequest;
    expect(problemBody(request, { code: 'timesheet_locked', detail: 'The week of 2026-03-02 is submitted for approval.' })).toEqual({
      type: '/docs/problems/timesheet_locked',
      title: 'The week is locked',
      status: 409,
      detail: 'The week of 2026-03-02 is submitted for approval.',
      instance: '/api/v1/time-entries',
      code: 'timesheet_locked',
      requestId: 'request-1',
    });
  });
});
