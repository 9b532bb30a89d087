/** The parts of avsc's type classes this area reads; avsc's typings leave them out of the `Type` base class. */
import type avro from 'avsc';

export type AvscType = avro.Type & {
  fields?: { name: string; aliases: string[]; type: AvscType; defaultValue(): unknown }[];
  symbols?: string[];
  /** An enum's default symbol. */
  default?: string;
  itemsType?: AvscType;
  valuesType?: AvscType;
  types?: AvscType[];
  size?: number;
  underlyingType?: AvscType;
};
