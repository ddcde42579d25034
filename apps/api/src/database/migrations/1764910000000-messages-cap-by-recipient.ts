import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frequency caps count marketing messages by recipient address (Decree 91 caps a phone number or an address, whoever
 * the contact): the send service's cap query looks them up by workspace, recipient and channel.
 */
export class MessagesCapByRecipient1764910000000 implements MigrationInterface {
  name = 'MessagesCapByRecipient1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX messages_marketing_recipient_idx ON messages (workspace_id, recipient, channel)
        WHERE purpose = 'marketing'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX messages_marketing_recipient_idx');
  }
}
