import type { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';

/**
 * A faker of its own with English data, seeded when a seed is given. Built from faker's `en`
 * entry point, which loads one locale: the main entry loads all of them, a quarter of a second
 * and 30 MiB that every scenario run paid.
 */
export function newFaker(seed?: number): Faker {
  const FakerClass = english.constructor as typeof Faker;
  const faker = new FakerClass({ locale: english.rawDefinitions });
  if (seed !== undefined) faker.seed(seed);
  return faker;
}
